package com.micromall.care.visits;

/** How a return visit went. A happy customer is the moment to ask them to share. */
public enum VisitOutcome { HAPPY, ISSUE_FOUND, NOT_REACHABLE }
