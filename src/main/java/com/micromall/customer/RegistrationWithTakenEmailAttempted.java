package com.micromall.customer;

/**
 * Someone tried to register with the address of an existing account. The page does not say so
 * (that would tell anyone which addresses have accounts); the account's owner is told by mail.
 */
public record RegistrationWithTakenEmailAttempted(long customerId) {
}
