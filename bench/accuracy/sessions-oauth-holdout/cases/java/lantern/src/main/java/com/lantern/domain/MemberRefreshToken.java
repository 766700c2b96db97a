package com.lantern.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One row per refresh token; tokens issued from one login share a family id. */
@Entity
@Table(name = "member_refresh_tokens")
public class MemberRefreshToken {

    @Id
    private UUID id;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Column(nullable = false)
    private boolean used;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected MemberRefreshToken() {
    }

    public static MemberRefreshToken start(Long memberId, Duration ttl) {
        return next(memberId, UUID.randomUUID(), ttl);
    }

    public static MemberRefreshToken next(Long memberId, UUID familyId, Duration ttl) {
        MemberRefreshToken t = new MemberRefreshToken();
        t.id = UUID.randomUUID();
        t.familyId = familyId;
        t.memberId = memberId;
        t.expiresAt = Instant.now().plus(ttl);
        return t;
    }

    public UUID getId() {
        return id;
    }

    public UUID getFamilyId() {
        return familyId;
    }

    public Long getMemberId() {
        return memberId;
    }

    public boolean isUsed() {
        return used;
    }

    public boolean isExpired() {
        return expiresAt.isBefore(Instant.now());
    }

    public void markUsed() {
        this.used = true;
    }
}
