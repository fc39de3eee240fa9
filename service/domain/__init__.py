"""The pure core: msgspec Structs, rules and errors. Standard library and msgspec only."""
