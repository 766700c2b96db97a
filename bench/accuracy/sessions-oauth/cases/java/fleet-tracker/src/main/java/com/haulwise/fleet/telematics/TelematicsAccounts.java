package com.haulwise.fleet.telematics;

public interface TelematicsAccounts {

    void link(String dispatcher, String vendor, TelematicsToken token);
}
