"""How sure the pipeline is of each field: evidence in, a 0-1 confidence and a verdict out.

Plain functions over page facts and search hits, so they can be tested on many page
templates and wordings without a network: `website` scores a company website, `linkedin`
judges LinkedIn search results, `brand` finds text linking an old or group name to a page,
`canonical` picks the homepage URL to report, and `verdict` turns a confidence into
accept, review or reject.
"""
