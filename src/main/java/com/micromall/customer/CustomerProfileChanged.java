package com.micromall.customer;

import org.jspecify.annotations.Nullable;

/** The customer changed their name or contact details; modules that show them keep their copy current. */
public record CustomerProfileChanged(long customerId, String name, @Nullable String phone, @Nullable String wechatId) {
}
