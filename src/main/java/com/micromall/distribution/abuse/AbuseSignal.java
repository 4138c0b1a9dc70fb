package com.micromall.distribution.abuse;

/** One thing a sharer and a buyer have in common that one person or one household would. */
public enum AbuseSignal {
    SHARED_DEVICE, SHARED_NETWORK, SHARED_ADDRESS, SHARED_PAYOUT_ACCOUNT, SAME_EMAIL
}
