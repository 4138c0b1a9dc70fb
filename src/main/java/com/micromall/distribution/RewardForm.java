package com.micromall.distribution;

/**
 * How a sharer takes their commission. CASH is withdrawable. STORE_CREDIT is the same balance, spent at checkout and
 * worth the owner's store-credit bonus more, but not withdrawn; switching between the two is free at any time, since
 * the bonus only ever applies to money spent in the shop. POINTS commission is credited to the loyalty points book
 * (worth the owner's points bonus more) and never joins the cash balance. Each commission entry records the form in
 * force when it was credited, so a switch changes only what is credited afterwards.
 */
public enum RewardForm { CASH, STORE_CREDIT, POINTS }
