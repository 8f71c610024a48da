import { GLOSSARY, TERM_IDS } from '../../ui/glossary';

/** Every term the page explains, with its definition: the same words its popovers show. */
export function Glossary() {
  return (
    <section className="card" aria-labelledby="glossary-heading">
      <h2 id="glossary-heading">Glossary</h2>
      <dl className="glossary">
        {TERM_IDS.map((id) => (
          <div key={id} id={`glossary-${id}`}>
            <dt>{GLOSSARY[id].name}</dt>
            <dd>{GLOSSARY[id].definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
