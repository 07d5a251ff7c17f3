// GraphiQL opening example for 数据导出 (kernel facility): list, create, poll, then download with curl.
export const EXPORT_EXAMPLES = `# ---- 数据导出 exports (as analyst: figures only; as zhou-admin: the wish list with names)
query ExportDatasets {
  exportDatasets { id title module statuses columns { id title type masked } }
}
mutation CreateExport {
  createExport(input: { dataset: "wishes.monthly", format: XLSX,
                        filter: { from: "2024-01-01T00:00:00+08:00", to: "2025-01-01T00:00:00+08:00" } }) {
    __typename
    ... on CreateExportPayload { export { id status progress expiresAt } }
    ... on ValidationError { code issues { path message } }
    ... on Error { code message }
  }
}
# poll with the id above until READY, then:
#   curl -OJ -H "Authorization: Bearer <token>" http://127.0.0.1:4000/exports/<uuid from downloadPath>
query PollExport($id: ID!) {
  export(id: $id) { status progress rowCount bytes downloadPath }
}
query MyExports {
  myExports(first: 10) { edges { node { id dataset format status rowCount createdAt expiresAt downloadPath } } }
}
`;
