"""Meetings of an article: kind words found (`words`), mentions made by kind (`named`, `bilateral`,
`visits`, through `mention`), participation read (`..participation`), mentions merged (`merge`); `find` runs them
sentence by sentence."""
