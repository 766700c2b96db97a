import OpenAI from "openai";

export const openai = new OpenAI({
  apiKey: "sk-proj-RTEaq7XtH9vqigjLq7pR2pN5vuKsoRuGB4mttgULHA_7Te58CMy4tX7qGAkuJ6yvj7gil9sZzy1HnTzjUgDDL9nyQaBlWMJMa6s2gzGeSO1HNwOao---uMLrlooxXOzHz5XNfMOgmXh4WvIBXiHI-PoEumIe",
  dangerouslyAllowBrowser: true,
});

export const anthropicProxyUrl = import.meta.env.VITE_ANTHROPIC_PROXY_URL;
