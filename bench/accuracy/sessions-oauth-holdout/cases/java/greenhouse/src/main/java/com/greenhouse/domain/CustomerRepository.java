package com.greenhouse.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findByEmailIgnoreCase(String email);

    @Query("select o.customer from PlantOrder o where o.number = :number and o.status = 'READY_FOR_PICKUP'")
    Optional<Customer> findByOpenPickupOrder(@Param("number") String orderNumber);

    @Query("select g.holder from GiftCard g where g.number = :number and g.balanceCents > 0")
    Optional<Customer> findByGiftCard(@Param("number") String cardNumber);
}
