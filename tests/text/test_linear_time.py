"""The finder's work grows linearly with its input, even on text built to make it backtrack."""
import time

from articles.text.quotes import extract

SENTENCE = "Officials said the river “had risen fast” and Mayor Jo Park told reporters that roads were shut. "


def _timed(paragraphs):
    started = time.perf_counter()
    extraction = extract(paragraphs)
    return extraction, time.perf_counter() - started


def test_one_megabyte_paragraph_finishes():
    small, small_time = _timed([SENTENCE * 1000])
    large, large_time = _timed([SENTENCE * 10000])
    print(f"100 KB: {small_time:.2f} s, 1 MB: {large_time:.2f} s")
    # The same sentence printed over and over gives its statements once, however long the paragraph.
    assert len(large.statements) == len(small.statements) > 0


def test_unbalanced_and_nested_marks_finish():
    for text in ["“" * 5000, "”" * 5000, '"' * 5001, "“a ‘b “c ‘d " * 2000, "said “" * 5000, "“,” he said " * 5000]:
        extraction, elapsed = _timed([text, text])
        print(f"{text[:12]!r}: {elapsed:.2f} s")
        assert isinstance(extraction.statements, list)


def test_long_run_of_capitalised_words_finishes():
    extraction, elapsed = _timed(["The " + "Big " * 50000 + "Council said it would act."])
    print(f"capitalised run: {elapsed:.2f} s")
    assert isinstance(extraction.statements, list)
