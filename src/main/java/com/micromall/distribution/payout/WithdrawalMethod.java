package com.micromall.distribution.payout;

/** How the shop pays a withdrawal out; the distributor's account details say where. */
public enum WithdrawalMethod { BANK, WECHAT, ALIPAY, PAYPAL }
