// Issue 13's Slack peer: the smallest Bolt for JS app that does what the bot's HTTP endpoint does for
// `/one-on-one help`: verify Slack's signature, acknowledge the slash command, and put a fixed answer in
// the acknowledgement. Listens on 127.0.0.1:$PORT only; makes no outbound call (token verification off).
const { App, LogLevel } = require('@slack/bolt');

const port = Number(process.env.PORT);
const signingSecret = process.env.SLACK_SIGNING_SECRET;
if (!port || !signingSecret) {
  console.error('PORT and SLACK_SIGNING_SECRET are required');
  process.exit(64);
}

const app = new App({
  signingSecret,
  token: 'xoxb-bench-0000000000-0000000000000-benchbenchbenchbenchbench',
  tokenVerificationEnabled: false,
  botId: 'BBENCH',
  botUserId: 'UBENCHBOT',
  endpoints: '/slack/commands',
  logLevel: LogLevel.ERROR,
});

// The same words the bench's wrk script looks for in the bot's answer, so both are counted alike.
const reply = {
  response_type: 'ephemeral',
  text: 'What I can do: schedule a one-on-one, prepare for it, and follow up. Try `/one-on-one help <topic>`.',
};

app.command('/one-on-one', async ({ ack }) => {
  await ack(reply);
});

app.start({ port, host: '127.0.0.1' }).then(() => console.log(`bolt: listening on http://127.0.0.1:${port}`));
