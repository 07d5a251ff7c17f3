// What GraphiQL opens with: runnable examples with the demo accounts (see README "Demo accounts").
import { SERIES_EXAMPLES } from './core/series-examples.js';

export const EXAMPLE_OPERATIONS = `# 党建引领基层治理 GraphQL — examples. Run "Login" first with the variables
#   {"username": "beiwucha-admin", "password": "<see data/demo-password>"}
# then put the token into the Headers tab as {"Authorization": "Bearer <token>"} and run the others.
# Anonymous requests may add {"X-Township": "<township code>"} to see that township's modules.

mutation Login($username: String!, $password: String!) {
  login(input: { username: $username, password: $password }) {
    __typename
    ... on LoginPayload { token expiresAt account { username role region { id name } } }
    ... on Error { code message }
  }
}

query Me {
  viewer { modules account { username role region { name level } person { id name } } }
}

query Regions {
  regions(filter: { level: TOWNSHIP }, first: 20) {
    totalCount
    edges { node { id code name level parent { name } } }
  }
}

query ModulesOfBeiwucha {
  regionByCode(code: "652324104") {
    id name
    stats { communities residents partyMembers }
  }
}

# Paste the township id from the query above:
# mutation SwitchOff {
#   setModuleEnabled(input: { regionId: "<id>", moduleId: "wishes", enabled: false, note: "试点结束" }) {
#     __typename
#     ... on SetModuleEnabledPayload { module { id title enabled source } }
#     ... on Error { code message }
#   }
# }
${SERIES_EXAMPLES}`;
