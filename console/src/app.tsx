import { useEffect, useState } from 'preact/hooks';
import { gql, loadSession, saveSession, setUnauthenticatedHandler, type Session } from './api.js';
import { FiguresPage } from './components/FiguresPage.js';
import { Layout } from './components/Layout.js';
import { Login } from './components/Login.js';
import { ModulesPage } from './components/ModulesPage.js';
import { navigate, useRoute } from './router.js';

/** who switches modules: administrators; everyone else who logs in sees figures */
const MANAGERS = ['SYSTEM_ADMIN', 'REGION_ADMIN'];

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const route = useRoute();
  const update = (s: Session | null) => {
    saveSession(s);
    setSession(s);
  };
  useEffect(() => setUnauthenticatedHandler(() => update(null)), []);
  const canManage = !!session && MANAGERS.includes(session.role);
  useEffect(() => {
    if (session && route.page === 'home')
      navigate({ page: canManage ? 'modules' : 'figures', regionId: session.region.id }, true);
    if (session && route.page === 'modules' && !canManage)
      navigate({ page: 'figures', regionId: route.regionId }, true);
  }, [session, route]);
  if (!session) return <Login onLogin={update} />;
  const logout = async () => {
    await gql('ConsoleLogout').catch(() => null);
    update(null);
    navigate({ page: 'home' }, true);
  };
  const page = route.page === 'modules' && canManage ? 'modules' : 'figures';
  const regionId = route.page === 'home' ? null : route.regionId;
  return (
    <Layout session={session} page={page} current={regionId} canManage={canManage} onLogout={logout}>
      {regionId && page === 'modules' && <ModulesPage key={regionId} regionId={regionId} rootId={session.region.id} />}
      {regionId && page === 'figures' && <FiguresPage key={regionId} regionId={regionId} rootId={session.region.id} />}
    </Layout>
  );
}
