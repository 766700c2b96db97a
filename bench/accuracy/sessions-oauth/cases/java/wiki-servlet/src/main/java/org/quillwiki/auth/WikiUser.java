package org.quillwiki.auth;

import java.io.Serializable;

public record WikiUser(long id, String username, String displayName, boolean admin) implements Serializable {
}
