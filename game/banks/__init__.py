"""Bank files: loading YAML with positions, scanning the library, writing templates."""
