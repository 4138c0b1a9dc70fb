package com.micromall.order.internal;

public enum OrderStatus { PENDING_PAYMENT, PAID, SHIPPED, COMPLETED, CANCELLED, REFUNDED }
