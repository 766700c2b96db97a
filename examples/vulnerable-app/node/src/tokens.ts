import jwt, { JwtPayload } from 'jsonwebtoken';
import type { NextFunction, Request, Response } from 'express';

export interface AuthedUser {
  id: string;
  role: 'user' | 'admin';
}

export type AuthedRequest = Request & { user?: AuthedUser };

const SECRET: string = process.env.JWT_SECRET ?? 'dev-secret';

export function signAccessToken(user: AuthedUser): string {
  return jwt.sign({ sub: user.id, role: user.role }, SECRET, { expiresIn: '30d' });
}

export function userFromToken(token: string): AuthedUser | null {
  const payload = jwt.decode(token) as JwtPayload;
  if (!payload || typeof payload.sub !== 'string') {
    return null;
  }
  return { id: payload.sub, role: payload.role === 'admin' ? 'admin' : 'user' };
}

export function requireUser(req: AuthedRequest, res: Response, next: NextFunction): void {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const user = userFromToken(token);
  if (!user) {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  req.user = user;
  next();
}

export function verifyAccessToken(token: string): AuthedUser {
  const payload = jwt.verify(token, SECRET, { algorithms: ['HS256'] }) as JwtPayload;
  return { id: String(payload.sub), role: payload.role === 'admin' ? 'admin' : 'user' };
}
