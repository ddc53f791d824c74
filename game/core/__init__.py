"""The pure core: question model, validation rules, rounds and scoring (standard library only)."""
