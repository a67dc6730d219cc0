"""Russian extraction on natasha: entities, events and relations."""
