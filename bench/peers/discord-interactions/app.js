// Issue 13's Discord peer: discord-interactions' verifyKeyMiddleware on express, as Discord's own
// getting-started app does it: verify the Ed25519 signature, answer PING with PONG and the command with
// a fixed ephemeral message in the first response. Listens on 127.0.0.1:$PORT only.
const express = require('express');
const {
  InteractionResponseFlags,
  InteractionResponseType,
  InteractionType,
  verifyKeyMiddleware,
} = require('discord-interactions');

const port = Number(process.env.PORT);
const publicKey = process.env.DISCORD_PUBLIC_KEY;
if (!port || !publicKey) {
  console.error('PORT and DISCORD_PUBLIC_KEY are required');
  process.exit(64);
}

const app = express();

app.post('/discord/interactions', verifyKeyMiddleware(publicKey), (req, res) => {
  if (req.body.type === InteractionType.PING) {
    return res.send({ type: InteractionResponseType.PONG });
  }
  return res.send({
    type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE,
    data: {
      content: 'What I can do: schedule a one-on-one, prepare for it, and follow up. Try `/one-on-one help <topic>`.',
      flags: InteractionResponseFlags.EPHEMERAL,
    },
  });
});

app.get('/health', (_req, res) => res.send('ok'));

app.listen(port, '127.0.0.1', () => console.log(`discord-interactions: listening on http://127.0.0.1:${port}`));
