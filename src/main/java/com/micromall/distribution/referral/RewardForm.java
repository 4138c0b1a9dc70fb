package com.micromall.distribution.referral;

/**
 * How a distributor takes their available money: CASH is withdrawable; STORE_CREDIT is spent at
 * checkout and is worth more (the owner's store-credit bonus), but cannot be withdrawn. Switching
 * is free at any time: the bonus only ever applies to money spent in the shop.
 */
public enum RewardForm { CASH, STORE_CREDIT }
