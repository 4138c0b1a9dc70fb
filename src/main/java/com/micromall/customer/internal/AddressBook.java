package com.micromall.customer.internal;

import com.micromall.customer.Address;
import com.micromall.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's saved addresses: at most {@value #MAX_ADDRESSES}, and exactly one default
 * whenever there are any. Each change locks the customer's row, so two tabs cannot break either rule.
 * Someone else's address id is "not found", never "forbidden".
 */
@Service
@RequiredArgsConstructor
public class AddressBook {

    public static final int MAX_ADDRESSES = 10;

    private final CustomerRepository customers;
    private final CustomerAddressRepository addresses;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<Address> addressesOf(long customerId) {
        return addresses.findByCustomerIdOrderByIsDefaultDescIdAsc(customerId).stream()
                .map(CustomerAddress::toApi).toList();
    }

    @Transactional(readOnly = true)
    public Address addressOf(long customerId, long addressId) {
        return own(customerId, addressId).toApi();
    }

    /** The first address becomes the default. */
    @Transactional
    public Address add(long customerId, AddressDetails details) {
        lockCustomer(customerId);
        long count = addresses.countByCustomerId(customerId);
        if (count >= MAX_ADDRESSES) {
            throw new AddressLimitReachedException();
        }
        return addresses.save(new CustomerAddress(customerId, details, count == 0)).toApi();
    }

    /**
     * An address the customer just shipped to: the same one already saved is reused, otherwise it is added (the
     * first becomes the default); either way it becomes the last used. A full book keeps it out, never failing
     * the caller (an order must not be refused because of the address book).
     */
    @Transactional
    public Optional<Address> remember(long customerId, AddressDetails details) {
        lockCustomer(customerId);
        List<CustomerAddress> saved = addresses.findByCustomerIdOrderByIsDefaultDescIdAsc(customerId);
        CustomerAddress address = saved.stream().filter(a -> a.sameAs(details)).findFirst().orElse(null);
        if (address == null) {
            if (saved.size() >= MAX_ADDRESSES) {
                return Optional.empty();
            }
            address = new CustomerAddress(customerId, details, saved.isEmpty());
            address.markUsed(clock.instant());
            return Optional.of(addresses.save(address).toApi());
        }
        address.markUsed(clock.instant());
        return Optional.of(address.toApi());
    }

    /** Someone else's address id changes nothing. */
    @Transactional
    public void markUsed(long customerId, long addressId) {
        addresses.markUsed(customerId, addressId, clock.instant());
    }

    @Transactional
    public Address change(long customerId, long addressId, AddressDetails details) {
        lockCustomer(customerId);
        CustomerAddress address = own(customerId, addressId);
        address.change(details);
        return address.toApi();
    }

    /** Deleting the default hands the default to the oldest remaining address. */
    @Transactional
    public void delete(long customerId, long addressId) {
        lockCustomer(customerId);
        CustomerAddress address = own(customerId, addressId);
        addresses.delete(address);
        addresses.flush();
        if (address.isDefault()) {
            addresses.findByCustomerIdOrderByIsDefaultDescIdAsc(customerId).stream().findFirst()
                    .ifPresent(CustomerAddress::makeDefault);
        }
    }

    @Transactional
    public void makeDefault(long customerId, long addressId) {
        lockCustomer(customerId);
        CustomerAddress chosen = own(customerId, addressId);
        addresses.findByCustomerIdOrderByIsDefaultDescIdAsc(customerId).forEach(CustomerAddress::clearDefault);
        chosen.makeDefault();
    }

    private void lockCustomer(long customerId) {
        customers.lockById(customerId).orElseThrow(() -> new NotFoundException("No customer " + customerId));
    }

    private CustomerAddress own(long customerId, long addressId) {
        return addresses.findById(addressId)
                .filter(address -> address.belongsTo(customerId))
                .orElseThrow(() -> new NotFoundException("No address " + addressId + " for this customer"));
    }
}
