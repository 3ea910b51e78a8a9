//! The dynamic batcher: a bounded queue of windows, drained by inference
//! worker threads that pack windows from many requests into one forward pass.
//!
//! - **Bounded**: a semaphore counts windows queued or in flight. Unary calls
//!   take permits with `try_acquire` and fail fast (RESOURCE_EXHAUSTED);
//!   streams await them, so HTTP/2 flow control carries the back-pressure.
//!   The request holds its permits until it is answered or dropped.
//! - **Packing**: a free worker takes the oldest window, then adds queued
//!   windows while the padded batch stays within `max_batch_tokens` and at
//!   least 3/4 of the padded tokens are real (similar lengths batch together,
//!   a headline does not get padded to 256). If the batch is small it waits up
//!   to `max_batch_wait` for more.
//! - **Cancellation**: a window whose requester has gone away (deadline,
//!   cancelled call) is dropped before it reaches the model.
//! - **Off the runtime**: workers are plain OS threads; tokio's workers never run
//!   a forward pass.

use std::{
    collections::VecDeque,
    ops::Range,
    sync::{Arc, Condvar, Mutex},
    thread::JoinHandle,
    time::{Duration, Instant},
};

use tokio::sync::{oneshot, OwnedSemaphorePermit, Semaphore};

use crate::{
    error::ClassifyError,
    inference::{Encoder, WindowInput, WindowOutput},
};

/// A window waiting for the model.
pub struct WindowJob {
    pub ids: Vec<i64>,
    pub spans: Vec<Range<usize>>,
    pub reply: oneshot::Sender<Result<WindowResult, ClassifyError>>,
    pub enqueued: Instant,
}

/// What a window's requester gets back.
#[derive(Debug)]
pub struct WindowResult {
    pub output: WindowOutput,
    pub queued: Duration,
    pub inference: Duration,
}

/// Observations of each forward pass, for metrics.
pub trait BatchObserver: Send + Sync {
    fn batch_done(&self, windows: usize, padded_tokens: usize, real_tokens: usize, elapsed: Duration);
}

/// How a request waits for queue capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Fail at once with RESOURCE_EXHAUSTED when the queue is full (unary calls).
    FailFast,
    /// Wait for room (streams and the embedded CLI).
    Wait,
}

#[derive(Default)]
struct QueueState {
    jobs: VecDeque<WindowJob>,
    closed: bool,
}

struct Shared {
    state: Mutex<QueueState>,
    ready: Condvar,
    max_batch_tokens: usize,
    max_wait: Duration,
}

/// Handle to the queue and its workers.
pub struct Batcher {
    shared: Arc<Shared>,
    capacity: Arc<Semaphore>,
    max_queue_windows: usize,
    workers: Mutex<Vec<JoinHandle<()>>>,
}

impl Batcher {
    pub fn start(
        encoder: Arc<Encoder>,
        workers: usize,
        max_batch_tokens: usize,
        max_wait: Duration,
        max_queue_windows: usize,
        observer: Option<Arc<dyn BatchObserver>>,
    ) -> Batcher {
        let shared = Arc::new(Shared {
            state: Mutex::new(QueueState::default()),
            ready: Condvar::new(),
            max_batch_tokens,
            max_wait,
        });
        let handles = (0..workers.max(1))
            .map(|i| {
                let shared = shared.clone();
                let encoder = encoder.clone();
                let observer = observer.clone();
                std::thread::Builder::new()
                    .name(format!("threatlens-infer-{i}"))
                    .spawn(move || worker_loop(&shared, &encoder, observer.as_deref()))
                    .expect("spawn inference worker")
            })
            .collect();
        Batcher {
            shared,
            capacity: Arc::new(Semaphore::new(max_queue_windows)),
            max_queue_windows,
            workers: Mutex::new(handles),
        }
    }

    /// Reserves queue room for `windows` windows.
    pub async fn reserve(&self, windows: usize, admission: Admission) -> Result<OwnedSemaphorePermit, ClassifyError> {
        if windows > self.max_queue_windows {
            return Err(ClassifyError::QueueFull(format!(
                "request needs {windows} windows but the queue holds at most {} (max-queue-windows)",
                self.max_queue_windows
            )));
        }
        let n = windows as u32;
        match admission {
            Admission::FailFast => self.capacity.clone().try_acquire_many_owned(n).map_err(|_| {
                ClassifyError::QueueFull(format!(
                    "queue full ({} of {} windows in use); retry with backoff",
                    self.queue_depth(),
                    self.max_queue_windows
                ))
            }),
            Admission::Wait => {
                self.capacity.clone().acquire_many_owned(n).await.map_err(|_| ClassifyError::ShuttingDown)
            }
        }
    }

    /// Queues windows; each answer arrives on its own channel.
    pub fn submit(&self, jobs: Vec<WindowJob>) -> Result<(), ClassifyError> {
        let mut state = self.shared.state.lock().unwrap();
        if state.closed {
            return Err(ClassifyError::ShuttingDown);
        }
        state.jobs.extend(jobs);
        drop(state);
        self.shared.ready.notify_all();
        Ok(())
    }

    /// Windows queued or in flight.
    pub fn queue_depth(&self) -> usize {
        self.max_queue_windows - self.capacity.available_permits()
    }

    /// Stops accepting windows, lets workers finish what is queued, and joins them.
    pub fn shutdown(&self) {
        self.shared.state.lock().unwrap().closed = true;
        self.shared.ready.notify_all();
        self.capacity.close();
        for handle in self.workers.lock().unwrap().drain(..) {
            let _ = handle.join();
        }
    }
}

impl Drop for Batcher {
    fn drop(&mut self) {
        self.shutdown();
    }
}

fn worker_loop(shared: &Shared, encoder: &Encoder, observer: Option<&dyn BatchObserver>) {
    while let Some(batch) = next_batch(shared) {
        run_batch(encoder, batch, observer);
    }
}

/// Blocks for the next batch; `None` once the queue is closed and empty.
fn next_batch(shared: &Shared) -> Option<Vec<WindowJob>> {
    let mut state = shared.state.lock().unwrap();
    loop {
        state.jobs.retain(|job| !job.reply.is_closed());
        if !state.jobs.is_empty() {
            break;
        }
        if state.closed {
            return None;
        }
        state = shared.ready.wait(state).unwrap();
    }
    let mut batch = vec![state.jobs.pop_front().unwrap()];
    let deadline = Instant::now() + shared.max_wait;
    loop {
        take_compatible(&mut state.jobs, &mut batch, shared.max_batch_tokens);
        let (padded, _) = batch_tokens(&batch);
        let now = Instant::now();
        if padded * 2 >= shared.max_batch_tokens || now >= deadline || state.closed {
            return Some(batch);
        }
        state = shared.ready.wait_timeout(state, deadline - now).unwrap().0;
    }
}

/// Moves queued jobs into `batch`, oldest first, while the padded size fits
/// and padding stays under a quarter of the batch.
fn take_compatible(queue: &mut VecDeque<WindowJob>, batch: &mut Vec<WindowJob>, max_tokens: usize) {
    let (mut padded_len, mut real): (usize, usize) =
        (batch.iter().map(|j| j.ids.len()).max().unwrap_or(0), batch.iter().map(|j| j.ids.len()).sum());
    let mut i = 0;
    while i < queue.len() {
        let job = &queue[i];
        if job.reply.is_closed() {
            queue.remove(i);
            continue;
        }
        let len = job.ids.len();
        let new_padded_len = padded_len.max(len);
        let new_total = new_padded_len * (batch.len() + 1);
        if new_total <= max_tokens && (real + len) * 4 >= new_total * 3 {
            padded_len = new_padded_len;
            real += len;
            batch.push(queue.remove(i).unwrap());
        } else {
            i += 1;
        }
    }
}

fn batch_tokens(batch: &[WindowJob]) -> (usize, usize) {
    let max = batch.iter().map(|j| j.ids.len()).max().unwrap_or(0);
    (max * batch.len(), batch.iter().map(|j| j.ids.len()).sum())
}

fn run_batch(encoder: &Encoder, batch: Vec<WindowJob>, observer: Option<&dyn BatchObserver>) {
    let started = Instant::now();
    let inputs: Vec<WindowInput<'_>> = batch.iter().map(|j| WindowInput { ids: &j.ids, spans: &j.spans }).collect();
    let result = encoder.forward(&inputs);
    let elapsed = started.elapsed();
    let (padded, real) = batch_tokens(&batch);
    if let Some(obs) = observer {
        obs.batch_done(batch.len(), padded, real, elapsed);
    }
    let windows = batch.len();
    match result {
        Ok(outputs) => {
            for (job, output) in batch.into_iter().zip(outputs) {
                let queued = started.duration_since(job.enqueued);
                let _ = job.reply.send(Ok(WindowResult { output, queued, inference: elapsed }));
            }
        }
        Err(e) => {
            tracing::error!(error = %format!("{e:#}"), windows, "forward pass failed");
            for job in batch {
                let _ = job.reply.send(Err(ClassifyError::Inference(format!("{e:#}"))));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(len: usize) -> (WindowJob, oneshot::Receiver<Result<WindowResult, ClassifyError>>) {
        let (tx, rx) = oneshot::channel();
        (WindowJob { ids: vec![1; len], spans: vec![], reply: tx, enqueued: Instant::now() }, rx)
    }

    #[test]
    fn packs_similar_lengths_and_respects_token_budget() {
        let mut keep = Vec::new();
        let mut queue = VecDeque::new();
        for len in [100, 20, 110, 256, 90, 105] {
            let (j, rx) = job(len);
            keep.push(rx);
            queue.push_back(j);
        }
        let mut batch = vec![queue.pop_front().unwrap()];
        take_compatible(&mut queue, &mut batch, 330);
        let lens: Vec<usize> = batch.iter().map(|j| j.ids.len()).collect();
        // 20 would pad too much; 256 busts the budget; 100+110+90 = 300 real of 330 padded.
        assert_eq!(lens, vec![100, 110, 90]);
        let left: Vec<usize> = queue.iter().map(|j| j.ids.len()).collect();
        assert_eq!(left, vec![20, 256, 105]);
    }

    #[test]
    fn cancelled_jobs_are_dropped_from_the_queue() {
        let mut queue = VecDeque::new();
        let (a, rx_a) = job(50);
        let (b, rx_b) = job(50);
        queue.push_back(b);
        drop(rx_b);
        let mut batch = vec![a];
        take_compatible(&mut queue, &mut batch, 4096);
        assert_eq!(batch.len(), 1);
        assert!(queue.is_empty());
        drop(rx_a);
    }
}
