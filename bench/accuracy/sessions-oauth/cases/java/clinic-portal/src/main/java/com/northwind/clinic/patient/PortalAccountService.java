package com.northwind.clinic.patient;

import com.northwind.clinic.domain.PortalAccount;
import java.util.Optional;

public interface PortalAccountService {

    Optional<PortalAccount> verify(String email, String password);

    boolean requiresSecondFactor(PortalAccount account);

    boolean checkCode(long accountId, String code);

    PortalAccount save(PortalAccount account);
}
