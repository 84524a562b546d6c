"""Opt-outs: plan and import, undo, domains, by hand, lifting, exports, history, overview."""
