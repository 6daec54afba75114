// Reads {"schema": DbSchema, "queries": [{"name", "cypher", "parameters"}]} on stdin and
// prints, for each query, Neo4j's own diagnostics (syntax, semantic, deprecation) as JSON.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { schema, queries } = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const results = queries.map(({ name, cypher, parameters }) => {
  const { diagnostics } = lintCypherQuery(cypher, { ...schema, parameters }, { consoleCommandsEnabled: false });
  return {
    name,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
      message: d.message,
      line: d.range?.start?.line,
    })),
  };
});
process.stdout.write(JSON.stringify(results));
