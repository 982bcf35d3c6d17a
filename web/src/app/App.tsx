import { Center } from '@mantine/core';
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { EmptyState, LoadingState } from '../components/States.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { SignInPage } from '../features/sign-in/SignInPage.tsx';
import { Layout } from './Layout.tsx';
import { APP_ROUTES, type AppRoute } from './routes.tsx';
import { useCan, useSessionQuery } from './session.ts';

/** Signed out: the sign-in screen at any address. Signed in: the workspace. */
export function App() {
  const session = useSessionQuery();
  if (session.isPending) return <LoadingState label="Opening Watchfloor…" />;
  if (session.isError)
    return (
      <Center p="xl" component="main">
        <ProblemAlert error={session.error} title="Watchfloor could not start" />
      </Center>
    );
  if (!session.data) return <SignInPage />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/inbox" replace />} />
        {APP_ROUTES.map((r) => (
          <Route key={r.path} path={r.path} element={<Guarded route={r} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** A screen the user has no right to looks like one that does not exist. */
function Guarded({ route }: { route: AppRoute }) {
  const can = useCan();
  if (!route.rights.some(can)) return <NotFound />;
  const Page = route.page;
  return (
    <Suspense fallback={<LoadingState />}>
      <Page />
    </Suspense>
  );
}

function NotFound() {
  return <EmptyState title="Not found">There is nothing at this address for you.</EmptyState>;
}
