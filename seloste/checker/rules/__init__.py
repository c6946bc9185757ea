"""The completeness rules, one module each. The registry (`seloste.checker.registry`) lists them explicitly."""
