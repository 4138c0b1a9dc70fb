package com.micromall.order;

/**
 * How the buyer pays. MANUAL waits for the owner to confirm (bank transfer, cash on delivery);
 * DEMO_INSTANT exists only in the demo shop. A real provider would be one more adapter of the payment port.
 */
public enum PaymentMethod { BANK_TRANSFER, CASH_ON_DELIVERY, DEMO_INSTANT }
