"""What the API answers with, one pydantic model per JSON body; `/docs` and
docs/openapi.json are generated from them. The session resource itself lives in
`shared.session_view`, because the notifier's snapshots share it."""
