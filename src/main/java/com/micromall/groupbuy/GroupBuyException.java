package com.micromall.groupbuy;

/**
 * Opening or joining a group was refused (the last place went to someone else, the group expired, not enough
 * stock…); nothing was changed and nothing was charged. {@code messageKey} says why in the buyer's language.
 */
public class GroupBuyException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public GroupBuyException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Whether the buyer should be offered to open a group of their own instead. */
    public boolean offerNewGroup() {
        return messageKey.equals("groupbuy.error.full") || messageKey.equals("groupbuy.error.closed");
    }
}
