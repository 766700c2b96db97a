package io.tallyhq.ledger.auth;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.UNAUTHORIZED)
public class RefreshRejectedException extends RuntimeException {

    public RefreshRejectedException(String message) {
        super(message);
    }
}
