const DESKTOP_TOKEN_MAX_AGE = 12 * 60 * 60 * 1000;

/**
 * The Electron desktop client loads the desk over http://localhost through a
 * local proxy, so its token cookie cannot be marked Secure.
 */
export function setDesktopToken(res, token) {
  res.cookie("desk_token", token, { httpOnly: true, secure: false, sameSite: "strict", maxAge: DESKTOP_TOKEN_MAX_AGE });
}

export function setAuthCookie(res, name, value, maxAge) {
  res.cookie(name, value, { httpOnly: true, maxAge });
}

const QUEUE_VIEWS = new Set(["list", "board", "compact"]);

export function readQueueView(req) {
  const view = req.cookies?.queue_view;
  return QUEUE_VIEWS.has(view) ? view : "list";
}

/** Remembers the agent's last queue layout between visits. */
export function rememberQueueView(res, view) {
  res.cookie("queue_view", view, { maxAge: 90 * 24 * 60 * 60 * 1000, sameSite: "lax" });
}
