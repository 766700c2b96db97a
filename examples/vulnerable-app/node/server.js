'use strict';

const crypto = require('crypto');
const fs = require('fs/promises');
const path = require('path');
const express = require('express');
const cookieParser = require('cookie-parser');
const auth = require('./auth');

const app = express();
app.use(cookieParser());

const users = new Map(); // email -> { id, passwordHash, role }
const resetTokens = new Map(); // token -> email

app.post('/register', express.json(), (req, res) => {
  const { email, password } = req.body;
  users.set(email, { id: email, passwordHash: auth.hashPassword(password), role: 'user' });
  res.status(201).json({ ok: true });
});

app.post('/login', express.json(), async (req, res) => {
  const { email, password } = req.body;
  const user = users.get(email);
  const ok = user && (user.role === 'admin'
    ? await auth.checkAdminPassword(password, user.passwordHash)
    : auth.checkPassword(password, user.passwordHash));
  if (!ok) {
    return res.status(401).json({ error: 'invalid credentials' });
  }
  res.cookie('session', auth.issueToken(user), { maxAge: 30 * 24 * 3600 * 1000 });
  return res.redirect(req.query.next || '/');
});

app.post('/logout', (req, res) => {
  res.clearCookie('session');
  res.json({ ok: true });
});

app.post('/password-reset', express.json(), (req, res) => {
  if (users.has(req.body.email)) {
    const token = auth.createResetToken();
    resetTokens.set(token, req.body.email);
    console.log(`reset link: https://app.example.test/reset?token=${token}`);
  }
  res.json({ ok: true });
});

app.get('/admin/users', auth.requireAuth, (req, res) => {
  if (req.user.role !== 'admin') {
    return res.status(403).json({ error: 'forbidden' });
  }
  return res.json([...users.values()].map((u) => ({ id: u.id, role: u.role })));
});

app.post('/webhooks/billing', express.raw({ type: 'application/json' }), (req, res) => {
  if (!auth.checkWebhookSignature(req.body, req.get('X-Signature') || '')) {
    return res.status(400).end();
  }
  return res.status(204).end();
});

// Terms page is served with an ETag so browsers can cache it.
app.get('/terms', async (req, res) => {
  const html = await fs.readFile(path.join(__dirname, 'public', 'terms.html'));
  const etag = crypto.createHash('md5').update(html).digest('hex');
  res.set('ETag', `"${etag}"`).type('html').send(html);
});

app.listen(process.env.PORT || 3000);
