package com.brightcart.shop.customer;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** B2B buyers who order by the pallet through the wholesale portal. */
@Entity
@Table(name = "wholesale_account")
public class WholesaleAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String company;

    @Column(nullable = false, unique = true, length = 80)
    private String login;

    @Column(length = 32)
    private String passwordHash;

    protected WholesaleAccount() {
    }

    public Long getId() {
        return id;
    }

    public String getCompany() {
        return company;
    }

    public String getLogin() {
        return login;
    }

    public String getPasswordHash() {
        return passwordHash;
    }
}
