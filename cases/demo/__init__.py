"""Demo data: an organisation modelled on the seeds' letterhead, staff users and cases in every stage."""
