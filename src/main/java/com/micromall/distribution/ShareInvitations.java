package com.micromall.distribution;

import java.util.Optional;

/** What another module may ask about a customer's own share link (e.g. to put it into their order mails). */
public interface ShareInvitations {

    /**
     * The customer's share link and what a friend gets through it, when the customer can share: an ACTIVE
     * distributor, or anyone while the owner enrols every customer (who is then enrolled on the spot).
     * Empty for a pending, suspended or not (yet) eligible customer.
     */
    Optional<ShareInvitation> invitationOf(long customerId);
}
