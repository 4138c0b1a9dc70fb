package com.micromall.distribution.internal;

/** Why a new entry waits for the owner instead of freezing. */
enum HoldReason { SHARED_DEVICE, SHARED_ADDRESS, BUDGET, UNVERIFIED_REFEREE }
