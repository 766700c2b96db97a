package org.quillwiki.auth;

public record Invite(long id, String email, String spaceKey) {
}
