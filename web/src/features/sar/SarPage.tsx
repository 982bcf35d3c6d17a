import { Route, Routes } from 'react-router';
import { SarFormPage } from './SarFormPage.tsx';
import { SarHome } from './SarHome.tsx';
import { SarVettingPage } from './SarVettingPage.tsx';

/** /sar (queues and the agency's SARs), /sar/new (the form), /sar/:id (vetting). */
export function SarPage() {
  return (
    <Routes>
      <Route index element={<SarHome />} />
      <Route path="new" element={<SarFormPage />} />
      <Route path=":id" element={<SarVettingPage />} />
    </Routes>
  );
}
