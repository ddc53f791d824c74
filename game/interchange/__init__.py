"""Banks in and out of other formats: Moodle GIFT and Aiken read into banks (`quiz import`)."""
