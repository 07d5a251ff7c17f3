import { useState } from 'preact/hooks';
import { gql, type RegionRef, type Session, type TypedError } from '../api.js';
import { T } from './T.js';

interface LoginResult {
  login:
    | (TypedError & {
        __typename: 'LoginPayload';
        token: string;
        account: { username: string; role: string; region: RegionRef };
      })
    | TypedError;
}

export function Login({ onLogin }: { onLogin: (s: Session) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { login } = await gql<LoginResult>('ConsoleLogin', { username, password });
      if ('token' in login) {
        const { account } = login;
        onLogin({ token: login.token, username: account.username, role: account.role, region: account.region });
      } else setError(login.message ?? login.__typename);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <form onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">
          <T k="appTitle" />
        </h1>
        <label for="username">
          <T k="username" />
        </label>
        <input
          id="username"
          autocomplete="username"
          required
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
        />
        <label for="password">
          <T k="password" />
        </label>
        <input
          id="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          <T k="login" />
        </button>
      </form>
    </main>
  );
}
