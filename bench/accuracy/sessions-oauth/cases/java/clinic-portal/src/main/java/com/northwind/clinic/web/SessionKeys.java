package com.northwind.clinic.web;

/** Names of attributes kept in the servlet session by the kiosk and portal controllers. */
public final class SessionKeys {

    public static final String CHECKIN_PATIENT = "checkin.patientId";
    public static final String CHECKIN_STAFF = "checkin.staffId";
    public static final String KIOSK_LOCALE = "kiosk.locale";
    public static final String LAST_QUEUE = "kiosk.lastQueue";
    public static final String EHR_STATE = "ehr.oauth.state";
    public static final String EHR_VERIFIER = "ehr.oauth.verifier";
    public static final String LAB_STATE = "lab.oauth.state";

    private SessionKeys() {
    }
}
