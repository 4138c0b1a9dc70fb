package com.micromall.distribution.referral;

/** PENDING waits for the owner's approval; only ACTIVE distributors earn. */
public enum DistributorStatus { PENDING, ACTIVE, SUSPENDED }
