package com.northwind.clinic.billing;

import com.stripe.model.Event;

public interface InvoiceService {

    void markPaid(Event event);

    void markFailed(Event event);
}
