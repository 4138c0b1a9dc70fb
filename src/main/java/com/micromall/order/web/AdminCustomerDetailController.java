package com.micromall.order.web;

import com.micromall.customer.CustomerApi;
import com.micromall.order.internal.OrderReports;
import com.micromall.shared.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One customer for the owner: contact, addresses and their orders (the list lives in the customer module). */
@Controller
@RequiredArgsConstructor
class AdminCustomerDetailController {

    private final CustomerApi customers;
    private final OrderReports reports;

    @GetMapping("/admin/customers/{id:\\d{1,18}}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("adminSection", "customers");
        model.addAttribute("customer", customers.find(id).orElseThrow(() -> new NotFoundException("No customer " + id)));
        model.addAttribute("addresses", customers.addressesOf(id));
        model.addAttribute("orders", reports.ordersOfCustomer(id));
        return "order/admin-customer";
    }
}
