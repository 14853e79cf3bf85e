export function ComingSoon({ title, children }: { title: string; children: string }) {
  return (
    <section>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
        <p className="font-medium text-slate-800">Coming soon</p>
        <p className="mt-1 text-sm">{children}</p>
      </div>
    </section>
  );
}
